namespace Switchboard.Tests.Guard;

/// <summary>How a case breaks the HTTP framing of its body; such requests go over a raw socket.</summary>
internal enum GuardFraming
{
    /// <summary>A well-formed request.</summary>
    None,

    /// <summary>Fewer bytes than Content-Length says, then the client stops sending.</summary>
    ShortBody,

    /// <summary>A chunked body whose chunk size is not hexadecimal.</summary>
    BrokenChunks,
}
