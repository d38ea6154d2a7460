namespace Switchboard.Tests.Storage;

/// <summary>
/// A read-only, non-seekable stream of <paramref name="length"/> bytes computed from their position, so a test
/// can upload a large blob without holding it and check the download against the same pattern. The
/// pattern never repeats within the stream, so a block stored out of order changes the hash.
/// </summary>
public sealed class PatternStream(long length) : Stream
{
    private long position;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    /// <summary>The byte at <paramref name="offset"/>: the top byte of a multiplicative hash of it.</summary>
    public static byte At(long offset) => (byte)(((ulong)offset * 0x9E3779B97F4A7C15UL) >> 56);

    public override int Read(Span<byte> buffer)
    {
        var count = (int)Math.Min(buffer.Length, length - position);
        for (var i = 0; i < count; i++)
        {
            buffer[i] = At(position + i);
        }

        position += count;
        return count;
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(Read(buffer.Span));

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        Task.FromResult(Read(buffer.AsSpan(offset, count)));

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
