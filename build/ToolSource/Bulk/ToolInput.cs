namespace Tools;

/// <summary>One document for a bulk tool run: where it came from, and its text or why it could not be read.</summary>
/// <param name="Name">The file path, or <c>path:line</c> for an NDJSON line (<c>-</c> is standard input).</param>
/// <param name="Text">The document text, or null when it could not be read.</param>
/// <param name="ReadError">Why the document could not be read, or null.</param>
internal sealed record ToolInput(string Name, string? Text, string? ReadError);
