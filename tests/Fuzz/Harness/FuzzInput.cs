namespace Fuzz.Harness;

/// <summary>One named input: a seed (named after its vector) or a file replayed from disk.</summary>
/// <param name="Name">Where it came from, e.g. <c>cert-valid-anchored.json</c> or a file path.</param>
/// <param name="Data">The bytes.</param>
public sealed record FuzzInput(string Name, byte[] Data)
{
    /// <summary>An input holding UTF-8 text.</summary>
    /// <param name="name">Where it came from.</param>
    /// <param name="text">The text.</param>
    /// <returns>The input.</returns>
    public static FuzzInput Text(string name, string text) => new(name, System.Text.Encoding.UTF8.GetBytes(text));
}
