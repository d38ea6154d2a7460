using System.Security.Cryptography;
using Switchboard.Storage;
using Switchboard.Tests.Azurite;
using Switchboard.Tests.Storage;
using Xunit.Abstractions;

namespace Switchboard.Tests.Sessions;

[Collection(MediaCopyIsolation.Name)]
public sealed class LargeRecordingExportTests(AzuriteFixture azurite, ITestOutputHelper output) : IClassFixture<AzuriteFixture>
{
    private const long Size = 50L * 1024 * 1024;

    // Measured about 5.8 MiB once the upload's pooled 4 MiB block buffers exist (the warm-up below makes them, as the
    // first upload of a running host does): about 1 MiB of output buffers of the origin, which runs in this process,
    // and well under 1 MiB for the copy itself.
    private const long AllocationBudget = 8L * 1024 * 1024;

    [Fact]
    public async Task A_50_MiB_recording_is_streamed_into_the_archive_with_allocations_far_below_its_size()
    {
        await using var origin = await MediaOrigin.StartAsync();
        await using var harness = await SessionHarness.CreateAsync(azurite);
        var timeline = harness.Timeline;
        await harness.TrackAsync(
            timeline.Ccai(0, "New_Call", """{"call_id":900,"agent_id":1}"""),
            timeline.Ccai(60, "End_Call", """{"call_id":900,"agent_id":1}"""),
            timeline.Ccai(61, "Recording_Available", $$"""{"call_id":900,"format":"wav","url":"{{origin.Url($"generated/{Size}?type=audio/wav")}}"}"""));

        await harness.Archive.GetBlobClient("warm-up.wav").UploadAsync(
            new PatternStream((StreamedBlobUpload.BlockBytes * StreamedBlobUpload.Concurrency) + 1), StreamedBlobUpload.CreateOnly("audio/wav"));

        var before = GC.GetTotalAllocatedBytes(precise: true);
        var exported = await harness.ExportAsync("call", "900");
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - before;
        output.WriteLine($"Exporting a session with a {Size:N0}-byte recording allocated {allocated:N0} bytes ({allocated / 1024.0 / 1024.0:F2} MiB).");

        Assert.Empty(exported.MediaFailures);
        Assert.True(allocated < AllocationBudget, $"Exporting a {Size:N0}-byte recording allocated {allocated:N0} bytes.");

        var recording = harness.Archive.GetBlobClient("ujet-voice-recordings/call-900.wav");
        using var download = (await recording.DownloadStreamingAsync()).Value;
        Assert.Equal(Size, download.Details.ContentLength);
        Assert.Equal("audio/wav", download.Details.ContentType);
        Assert.Equal(await HashAsync(new PatternStream(Size)), await HashAsync(download.Content));
    }

    private static async Task<string> HashAsync(Stream stream)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[81920];
        long length = 0;
        int read;
        while ((read = await stream.ReadAsync(buffer)) > 0)
        {
            hash.AppendData(buffer, 0, read);
            length += read;
        }

        return $"{length}:{Convert.ToHexString(hash.GetHashAndReset())}";
    }
}
