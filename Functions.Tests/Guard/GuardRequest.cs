using System.Text;

namespace Switchboard.Tests.Guard;

/// <summary>A request as the guard sends it; values are already escaped for the URL.</summary>
internal sealed record GuardRequest
{
    public required string Method { get; init; }

    public required string Path { get; init; }

    public IReadOnlyList<KeyValuePair<string, string>> Query { get; init; } = [];

    public IReadOnlyList<KeyValuePair<string, string>> Headers { get; init; } = [];

    /// <summary>The Content-Type header; null sends none.</summary>
    public string? ContentType { get; init; }

    public byte[]? Body { get; init; }

    public string Target => Query.Count == 0 ? Path : $"{Path}?{string.Join('&', Query.Select(q => $"{q.Key}={q.Value}"))}";

    public GuardRequest WithQuery(string name, string escapedValue) =>
        this with { Query = [.. Query.Where(q => q.Key != name), new(name, escapedValue)] };

    public GuardRequest WithHeader(string name, string value) =>
        this with { Headers = [.. Headers.Where(h => !string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)), new(name, value)] };

    public GuardRequest WithBody(string json) => this with { Body = Encoding.UTF8.GetBytes(json) };
}
