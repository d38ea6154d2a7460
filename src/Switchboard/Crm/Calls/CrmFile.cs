namespace Switchboard.Crm.Calls;

/// <summary>A file to upload: its name (<c>call-103646.mp3</c>), content type and bytes.</summary>
/// <param name="Name">The file name, without folder.</param>
/// <param name="ContentType">The content type.</param>
/// <param name="Content">The bytes.</param>
public sealed record CrmFile(string Name, string ContentType, ReadOnlyMemory<byte> Content);
