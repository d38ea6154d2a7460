using Microsoft.Extensions.DependencyInjection;
using Switchboard.Sessions;
using Switchboard.Tests.Azurite;

namespace Switchboard.Tests.Sessions;

/// <summary>Copying media: the webhooks' network guard, the size cap, content types, and not fetching twice.</summary>
public sealed class MediaCopyTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private const string CallId = "555";

    [Fact]
    public async Task Without_private_networks_loopback_private_and_plain_http_urls_are_refused_and_recorded()
    {
        await using var harness = await SessionHarness.CreateAsync(azurite, allowPrivateNetworks: false);
        var timeline = harness.Timeline;
        var port = MediaOrigin.ClosedPort();
        await harness.TrackAsync(
            timeline.Ccai(0, "New_Call", $$"""{"call_id":{{CallId}},"agent_id":1}"""),
            timeline.Ccai(1, "Media_Uploaded", $$"""{"call_id":{{CallId}},"media_type":"photo","media_id":"loop","url":"https://127.0.0.1:{{port}}/p.jpg"}"""),
            timeline.Ccai(2, "Media_Uploaded", $$"""{"call_id":{{CallId}},"media_type":"video","media_id":"lan","url":"https://10.20.30.40/v.mp4"}"""),
            timeline.Ccai(3, "Recording_Available", $$"""{"call_id":{{CallId}},"format":"wav","url":"http://127.0.0.1:{{port}}/r.wav"}"""),
            timeline.Ccai(4, "End_Call", $$"""{"call_id":{{CallId}},"agent_id":1}"""));

        var exported = await harness.ExportAsync("call", CallId);

        Assert.Equal(["ujet-metadata/call-555.json"], (await harness.BlobsAsync()).Keys);
        Assert.Equal(
            ["ujet-media/call-555-photo-loop.jpg", "ujet-media/call-555-video-lan.mp4", "ujet-voice-recordings/call-555.wav"],
            exported.MediaFailures.Select(f => f.File));
        Assert.All(exported.MediaFailures, f => Assert.Equal("blocked", f.Error));
        Assert.Contains("loopback", exported.MediaFailures[0].Message, StringComparison.Ordinal);
        Assert.Contains("private", exported.MediaFailures[1].Message, StringComparison.Ordinal);
        Assert.Contains("http://", exported.MediaFailures[2].Message, StringComparison.Ordinal);

        var metadata = await harness.MetadataAsync("ujet-metadata/call-555.json");
        Assert.Equal(3, metadata.Count("diagnostics/mediaCopyFailures"));
        Assert.Equal(("blocked", "ujet-media/call-555-photo-loop.jpg"), (metadata.Text("diagnostics/mediaCopyFailures/0/error"), metadata.Text("diagnostics/mediaCopyFailures/0/file")));
        Assert.All(metadata.At("media").EnumerateArray(), media => Assert.False(media.GetProperty("archived").GetBoolean()));
    }

    [Fact]
    public async Task Files_over_the_cap_are_refused_by_content_length_or_while_streaming_and_one_at_the_cap_is_copied()
    {
        await using var origin = await MediaOrigin.StartAsync();
        await using var harness = await SessionHarness.CreateAsync(azurite, settings: new Dictionary<string, string?> { ["Export:MaxMediaBytes"] = "1000" });
        var timeline = harness.Timeline;
        await harness.TrackAsync(
            timeline.Ccai(0, "New_Call", $$"""{"call_id":{{CallId}},"agent_id":1}"""),
            timeline.Ccai(1, "Media_Uploaded", $$"""{"call_id":{{CallId}},"media_type":"video","media_id":"declared","url":"{{origin.Url("generated/5000")}}"}"""),
            timeline.Ccai(2, "Media_Uploaded", $$"""{"call_id":{{CallId}},"media_type":"video","media_id":"streamed","url":"{{origin.Url("chunked/5000")}}"}"""),
            timeline.Ccai(3, "Media_Uploaded", $$"""{"call_id":{{CallId}},"media_type":"video","media_id":"fits","url":"{{origin.Url("chunked/1000")}}"}"""),
            timeline.Ccai(4, "End_Call", $$"""{"call_id":{{CallId}},"agent_id":1}"""));

        var exported = await harness.ExportAsync("call", CallId);

        Assert.Equal(
            [("ujet-media/call-555-video-declared.mp4", "too-large"), ("ujet-media/call-555-video-streamed.mp4", "too-large")],
            exported.MediaFailures.Select(f => (f.File, f.Error)));
        var blobs = await harness.BlobsAsync();
        Assert.Equal(["ujet-media/call-555-video-fits.mp4", "ujet-metadata/call-555.json"], blobs.Keys);
        Assert.Equal(1000, blobs["ujet-media/call-555-video-fits.mp4"].ContentLength);

        // Nothing the server did not say: the default for the format.
        Assert.Equal("video/mp4", blobs["ujet-media/call-555-video-fits.mp4"].ContentType);
    }

    [Fact]
    public async Task The_server_s_content_type_is_kept_and_an_archived_file_is_not_fetched_again()
    {
        await using var origin = await MediaOrigin.StartAsync();
        await using var harness = await SessionHarness.CreateAsync(azurite);
        var copier = harness.Services.GetRequiredService<MediaCopier>();
        var target = harness.Archive.GetBlobClient("ujet-voice-recordings/call-1.wav");

        var first = await copier.CopyAsync(new Uri(origin.Url("file/r.wav?type=audio/x-wav;+rate=8000")), target, "audio/wav");
        var second = await copier.CopyAsync(new Uri(origin.Url("file/r.wav?type=audio/x-wav")), target, "audio/wav");

        Assert.True(first.Succeeded);
        Assert.Equal(MediaOrigin.Content("r.wav").Length, first.Bytes);
        Assert.Equal("audio/x-wav; rate=8000", first.ContentType);
        Assert.Equal("audio/x-wav; rate=8000", (await target.GetPropertiesAsync()).Value.ContentType);
        Assert.True(second.AlreadyArchived);
        Assert.Equal(1, origin.RequestCount);
    }

    [Fact]
    public async Task A_server_that_refuses_the_connection_is_a_connection_failure()
    {
        await using var harness = await SessionHarness.CreateAsync(azurite);
        var copier = harness.Services.GetRequiredService<MediaCopier>();

        var copied = await copier.CopyAsync(new Uri($"http://127.0.0.1:{MediaOrigin.ClosedPort()}/r.mp3"), harness.Archive.GetBlobClient("r.mp3"), "audio/mpeg");

        Assert.Equal("connection", copied.Error);
        Assert.False((await harness.Archive.GetBlobClient("r.mp3").ExistsAsync()).Value);
    }
}
