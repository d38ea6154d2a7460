using System.Runtime.CompilerServices;

namespace Switchboard.Sessions;

/// <summary>
/// Reads another stream and fails once more than <c>maxBytes</c> came through, so a download without (or lying about)
/// its Content-Length cannot grow past the cap. The failure is an <see cref="IOException"/> with
/// <see cref="Exceeded"/> set, which tells it from a broken connection.
/// </summary>
internal sealed class CappedReadStream(Stream inner, long maxBytes) : Stream
{
    /// <summary>How many bytes have been read.</summary>
    public long BytesRead { get; private set; }

    /// <summary>True once the source turned out longer than the cap.</summary>
    public bool Exceeded { get; private set; }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer) => Count(inner.Read(buffer));

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var read = inner.ReadAsync(buffer, cancellationToken);
        return read.IsCompletedSuccessfully ? ValueTask.FromResult(Count(read.Result)) : CountAsync(read);
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    // A copy makes thousands of reads; pooling the state machine of those that wait keeps them from allocating.
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private async ValueTask<int> CountAsync(ValueTask<int> read) => Count(await read.ConfigureAwait(false));

    private int Count(int read)
    {
        BytesRead += read;
        if (BytesRead > maxBytes)
        {
            Exceeded = true;
            throw new IOException($"The file is larger than {maxBytes} bytes.");
        }

        return read;
    }
}
