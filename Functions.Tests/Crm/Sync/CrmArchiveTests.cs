using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Microsoft.Extensions.Options;
using Switchboard.Crm.Calls;
using Switchboard.Crm.Settings;
using Switchboard.Crm.Sync;
using Switchboard.Events;
using Switchboard.Sessions;
using Switchboard.Tests.Azurite;

namespace Switchboard.Tests.Crm.Sync;

/// <summary>What the CRM sync reads of a session's archive: whether it is there, the files an upload endpoint asks for, their content.</summary>
public sealed class CrmArchiveTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>, IAsyncLifetime
{
    private const string FolderPath = "exports/{tenant}";

    private static readonly SessionKey Chat = new("acme", SessionChannels.Chat, "73522");

    private readonly List<BlobContainerClient> containers = [];

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var container in containers)
        {
            await container.DeleteIfExistsAsync();
        }
    }

    [Fact]
    public async Task A_session_is_archived_once_its_metadata_file_is_there_and_each_version_of_it_is_told_apart()
    {
        var (archive, container) = await ArchiveAsync();

        Assert.Null(await archive.MetadataVersionAsync(Chat));
        var written = await UploadAsync(container, ArchiveLayout.Metadata(Chat), "{}", "application/json");

        Assert.Equal(written, await archive.MetadataVersionAsync(Chat));
    }

    [Fact]
    public async Task The_files_asked_for_come_kind_by_kind_in_the_order_asked_and_those_not_archived_are_left_out()
    {
        var (archive, container) = await ArchiveAsync();
        var metadata = await UploadAsync(container, ArchiveLayout.Metadata(Chat), "{}", "application/json");
        var transcript = await UploadAsync(container, ArchiveLayout.Transcript(Chat), "hello", "text/plain; charset=utf-8");

        var files = await archive.FilesAsync(Chat, [], [CrmUploadEndpoint.Metadata, CrmUploadEndpoint.Recordings, CrmUploadEndpoint.Transcripts]).ToListAsync();

        Assert.Equal(
            [
                new CrmArchivedFile("chat-73522.json", "exports/acme/ujet-metadata/chat-73522.json", metadata, 2, "application/json"),
                new CrmArchivedFile("chat-73522.txt", "exports/acme/ujet-chat-transcripts/chat-73522.txt", transcript, 5, "text/plain; charset=utf-8"),
            ],
            files);
    }

    [Fact]
    public async Task A_file_loads_with_its_stored_content_type_and_one_over_the_upload_limit_is_refused_naming_the_setting()
    {
        var (archive, container) = await ArchiveAsync(maxUploadBytes: 5);
        await UploadAsync(container, ArchiveLayout.Transcript(Chat), "hello", "text/plain; charset=utf-8");
        await UploadAsync(container, ArchiveLayout.Metadata(Chat), """{"a":1}""", "application/json");
        var files = await archive.FilesAsync(Chat, [], [CrmUploadEndpoint.Transcripts, CrmUploadEndpoint.Metadata]).ToListAsync();

        var transcript = await archive.LoadAsync(files[0]);
        var refused = await Assert.ThrowsAsync<InvalidDataException>(() => archive.LoadAsync(files[1]));

        Assert.Equal(("chat-73522.txt", "text/plain; charset=utf-8", "hello"), (transcript.Name, transcript.ContentType, System.Text.Encoding.UTF8.GetString(transcript.Content.Span)));
        Assert.Equal("chat-73522.json is 7 bytes; Crm:MaxUploadBytes allows 5.", refused.Message);
    }

    [Fact]
    public async Task A_file_stored_without_a_content_type_is_typed_by_its_extension()
    {
        var (archive, container) = await ArchiveAsync();
        await UploadAsync(container, ArchiveLayout.Metadata(Chat), "{}", "application/json");
        var file = Assert.Single(await archive.FilesAsync(Chat, [], [CrmUploadEndpoint.Metadata]).ToListAsync());

        var loaded = await archive.LoadAsync(file with { ContentType = null });

        Assert.Equal("application/json", loaded.ContentType);
    }

    [Theory]
    [InlineData("chat-1.json", "application/json")]
    [InlineData("chat-1.txt", "text/plain; charset=utf-8")]
    [InlineData("call-1.MP3", "audio/mpeg")]
    [InlineData("call-1.wav", "audio/wav")]
    [InlineData("call-1-photo-9.jpg", "image/jpeg")]
    [InlineData("call-1-video-9.mp4", "video/mp4")]
    [InlineData("call-1.ogg", "application/octet-stream")]
    [InlineData("call-1", "application/octet-stream")]
    public void The_content_type_of_an_archived_file_follows_its_extension(string name, string contentType) =>
        Assert.Equal(contentType, CrmContentType.Of(name));

    private async Task<(CrmArchive Archive, BlobContainerClient Container)> ArchiveAsync(long maxUploadBytes = 1024)
    {
        var container = azurite.Blobs.GetBlobContainerClient(AzuriteFixture.UniqueName("archive"));
        await container.CreateIfNotExistsAsync();
        containers.Add(container);
        var archive = new CrmArchive(
            azurite.Blobs,
            Options.Create(new ExportOptions { Container = container.Name, FolderPath = FolderPath }),
            Options.Create(new CrmOptions { MaxUploadBytes = maxUploadBytes }));
        return (archive, container);
    }

    private static async Task<Azure.ETag> UploadAsync(BlobContainerClient container, string relative, string content, string contentType)
    {
        var blob = container.GetBlobClient(ArchiveLayout.Resolve(FolderPath, Chat.Tenant, relative));
        var written = await blob.UploadAsync(BinaryData.FromString(content), new BlobUploadOptions { HttpHeaders = new BlobHttpHeaders { ContentType = contentType } });
        return written.Value.ETag;
    }
}
