namespace Fuzz.Harness;

/// <summary>The call a <see cref="DelegateTarget"/> makes with one input.</summary>
/// <param name="input">The raw input bytes.</param>
public delegate void FuzzAction(ReadOnlySpan<byte> input);

/// <summary>A target made from a delegate: for checking the harness itself (that a crash or a hang is reported).</summary>
/// <param name="name">The name.</param>
/// <param name="documentedExceptions">The exception types that count as rejections.</param>
/// <param name="action">The call.</param>
public sealed class DelegateTarget(string name, IReadOnlyList<Type> documentedExceptions, FuzzAction action) : FuzzTarget
{
    /// <inheritdoc />
    public override string Name => name;

    /// <inheritdoc />
    public override string Description => "a delegate (harness self-check)";

    /// <inheritdoc />
    public override IReadOnlyList<Type> DocumentedExceptions => documentedExceptions;

    /// <inheritdoc />
    public override IEnumerable<FuzzInput> SeedInputs(Seeds seeds) => [];

    /// <inheritdoc />
    protected override void Execute(ReadOnlySpan<byte> input) => action(input);
}
