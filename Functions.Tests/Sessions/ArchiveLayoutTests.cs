using Switchboard.Sessions;

namespace Switchboard.Tests.Sessions;

/// <summary>Archive names are built from event data, so they are encoded and bounded whatever that data holds.</summary>
public sealed class ArchiveLayoutTests
{
    [Fact]
    public void Channel_and_id_are_encoded_so_neither_can_leave_the_folder_nor_collide()
    {
        Assert.Equal("ujet-metadata/call-103646.json", ArchiveLayout.Metadata(new SessionKey("t", "call", "103646")));
        Assert.Equal("ujet-metadata/..%2F..%2Fx-1.json", ArchiveLayout.Metadata(new SessionKey("t", "../../x", "1")));
        Assert.Equal("ujet-chat-transcripts/chat-a%2F..%5Cb.txt", ArchiveLayout.Transcript(new SessionKey("t", "chat", @"a/..\b")));
        Assert.NotEqual(new SessionKey("t", "a-b", "c").FileStem, new SessionKey("t", "a", "b-c").FileStem);
    }

    [Fact]
    public void A_name_from_a_long_id_or_media_id_is_cut_to_fit_a_blob_name_and_stays_unique()
    {
        var session = new SessionKey("t", "chat", new string('é', 2000));
        var other = new SessionKey("t", "chat", new string('é', 1999));
        var media = ArchiveLayout.Media(session, ArchiveMediaKind.Photo, new string('m', 5000), "jpg");

        Assert.Equal(400, session.FileStem.Length);
        Assert.NotEqual(session.FileStem, other.FileStem);
        Assert.True(media.Length < 700, $"{media.Length} characters");
        Assert.EndsWith(".jpg", media, StringComparison.Ordinal);
    }
}
