using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Switchboard.Sessions;
using Switchboard.Storage;

namespace Switchboard.Tests.Sessions;

public sealed class ExportOptionsTests
{
    [Fact]
    public void Defaults_are_15_minutes_the_sessions_container_the_root_and_100_MiB()
    {
        var options = Bind([]);

        Assert.Equal(TimeSpan.FromMinutes(15), options.Delay);
        Assert.Equal("switchboard-sessions", options.Container);
        Assert.Equal(string.Empty, options.FolderPath);
        Assert.Equal(100L * 1024 * 1024, options.MaxMediaBytes);
        Assert.Equal(TimeSpan.FromMinutes(10), options.MediaTimeout);
    }

    [Fact]
    public void Every_setting_binds_from_configuration()
    {
        var options = Bind(new()
        {
            ["Export:Delay"] = "00:01:30",
            ["Export:Container"] = "archive-1",
            ["Export:FolderPath"] = "ccai/{tenant}",
            ["Export:MaxMediaBytes"] = "1048576",
            ["Export:MediaTimeout"] = "00:00:30",
        });

        Assert.Equal(new ExportOptions
        {
            Delay = TimeSpan.FromSeconds(90),
            Container = "archive-1",
            FolderPath = "ccai/{tenant}",
            MaxMediaBytes = 1_048_576,
            MediaTimeout = TimeSpan.FromSeconds(30),
        }, options);
    }

    [Fact]
    public void Settings_out_of_range_are_refused_naming_each_setting()
    {
        var exception = Assert.Throws<OptionsValidationException>(() => Bind(new()
        {
            ["Export:Delay"] = "8.00:00:00",
            ["Export:Container"] = "Not_A_Container",
            ["Export:FolderPath"] = "a/../b",
            ["Export:MaxMediaBytes"] = "0",
            ["Export:MediaTimeout"] = "00:00:00",
        }));

        Assert.Equal(5, exception.Failures.Count());
        foreach (var setting in new[] { "Export:Delay", "Export:Container", "Export:FolderPath", "Export:MaxMediaBytes", "Export:MediaTimeout" })
        {
            Assert.Contains(exception.Failures, failure => failure.StartsWith(setting, StringComparison.Ordinal));
        }
    }

    [Theory]
    [InlineData("", "t1", "ujet-metadata/call-1.json")]
    [InlineData("archive", "t1", "archive/ujet-metadata/call-1.json")]
    [InlineData("/archive/{tenant}/", "t1", "archive/t1/ujet-metadata/call-1.json")]
    [InlineData("{TENANT}", "a b", "a%20b/ujet-metadata/call-1.json")]
    public void The_folder_path_prefixes_archive_paths(string folderPath, string tenant, string expected) =>
        Assert.Equal(expected, ArchiveLayout.Resolve(folderPath, tenant, ArchiveLayout.Metadata(new SessionKey(tenant, "call", "1"))));

    [Fact]
    public void File_names_follow_the_ujet_layout_and_escape_what_is_not_a_plain_name()
    {
        var call = new SessionKey("t", "call", "103646");
        var odd = new SessionKey("t", "chat", "a/b c");

        Assert.Equal("ujet-metadata/call-103646.json", ArchiveLayout.Metadata(call));
        Assert.Equal("ujet-chat-transcripts/chat-a%2Fb%20c.txt", ArchiveLayout.Transcript(odd));
        Assert.Equal("ujet-media/chat-a%2Fb%20c-photo-p%2F1.jpg", ArchiveLayout.Media(odd, ArchiveMediaKind.Photo, "p/1", "jpg"));
        Assert.Equal("ujet-media/call-103646-video-v1.mp4", ArchiveLayout.Media(call, ArchiveMediaKind.Video, "v1", "mp4"));
        Assert.Equal("ujet-voice-recordings/call-103646.wav", ArchiveLayout.Media(call, ArchiveMediaKind.Recording, null, "wav"));
        Assert.Equal("ujet-voicemails/call-103646.mp3", ArchiveLayout.Media(call, ArchiveMediaKind.Voicemail, null, "mp3"));
    }

    private static ExportOptions Bind(Dictionary<string, string?> settings)
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        services.AddSingleton(TimeProvider.System);
        services.AddLogging();
        services.AddSessionExport();
        using var provider = services.BuildServiceProvider();
        return provider.GetRequiredService<IOptions<ExportOptions>>().Value;
    }
}
