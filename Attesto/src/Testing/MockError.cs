namespace Attesto.Testing;

/// <summary>An error the mock answers with a status and a <c>detail</c> body.</summary>
internal sealed class MockError(int status, string detail) : Exception(detail)
{
    internal int Status { get; } = status;
}
