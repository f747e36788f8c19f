using System.Buffers;
using System.Reflection;

namespace Lucairn.Tests.Verification.Strict;

/// <summary>
/// Reads the per-thread scratch state that <see cref="StrictJsonReader"/> and
/// <see cref="CanonicalLexeme"/> keep between calls (private <c>[ThreadStatic]</c> fields), so
/// tests can check what is kept, what is dropped and that nothing of a document stays behind.
/// </summary>
internal static class ThreadScratch
{
    private const BindingFlags Private = BindingFlags.NonPublic | BindingFlags.Static;

    private const BindingFlags Member = BindingFlags.NonPublic | BindingFlags.Instance;

    /// <summary>This thread's canonical-writer scratch buffer, or null when none is kept.</summary>
    internal static ArrayBufferWriter<byte>? LexemeWriter =>
        (ArrayBufferWriter<byte>?)Field(typeof(CanonicalLexeme), "t_scratch").GetValue(null);

    /// <summary>This thread's reader scratch (members, items, open frames), or null when none is kept.</summary>
    internal static ReaderScratch? Reader
    {
        get
        {
            object? scratch = Field(typeof(StrictJsonReader), "t_scratch").GetValue(null);
            return scratch is null ? null : new ReaderScratch(scratch);
        }
    }

    private static FieldInfo Field(Type type, string name) =>
        type.GetField(name, Private) ?? throw new InvalidOperationException($"{type.Name} has no private static field '{name}' any more.");

    /// <summary>A view of the reader's private <c>Scratch</c> object.</summary>
    internal sealed class ReaderScratch(object scratch)
    {
        internal object Instance => scratch;

        internal List<KeyValuePair<string, StrictJsonNode>> Members => (List<KeyValuePair<string, StrictJsonNode>>)Property("Members");

        internal List<StrictJsonNode> Items => (List<StrictJsonNode>)Property("Items");

        internal Array Frames => (Array)Property("Frames");

        /// <summary>Whether every frame slot holds the default (no key, no key set, no start).</summary>
        internal bool FramesAreDefault()
        {
            Array frames = Frames;
            object empty = Activator.CreateInstance(frames.GetType().GetElementType()!)!;
            foreach (object? frame in frames)
            {
                if (!empty.Equals(frame))
                {
                    return false;
                }
            }

            return true;
        }

        private object Property(string name) =>
            (scratch.GetType().GetProperty(name, Member) ?? throw new InvalidOperationException($"Scratch has no property '{name}' any more."))
                .GetValue(scratch)!;
    }
}
