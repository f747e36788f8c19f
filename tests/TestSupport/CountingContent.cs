using System.Net;

namespace TestSupport;

/// <summary>A streamed body of <c>length</c> bytes that counts how many bytes the client actually pulled.</summary>
internal sealed class CountingContent : HttpContent
{
    private readonly long _length;
    private long _served;

    internal CountingContent(long length)
    {
        _length = length;
    }

    internal long Served => Interlocked.Read(ref _served);

    protected override Task<Stream> CreateContentReadStreamAsync() => Task.FromResult<Stream>(new Source(this));

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
        new Source(this).CopyToAsync(stream);

    protected override bool TryComputeLength(out long length)
    {
        length = _length;
        return true;
    }

    private sealed class Source(CountingContent owner) : Stream
    {
        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => owner._length;

        public override long Position { get => owner.Served; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            long left = owner._length - owner.Served;
            int n = (int)Math.Min(count, left);
            buffer.AsSpan(offset, n).Fill((byte)'a');
            Interlocked.Add(ref owner._served, n);
            return n;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
