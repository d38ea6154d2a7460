using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Switchboard.Events;

namespace Switchboard.Pipeline;

/// <summary>How work is written when it waits for later: the portable host's job messages and the Functions app's orchestration inputs and activity results.</summary>
public static class PipelineJson
{
    /// <summary>
    /// Web defaults, the canonical event's own context first, and a depth that leaves room for an event's payload
    /// (64 levels) below the envelope that carries it.
    /// </summary>
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        TypeInfoResolverChain = { EventJsonContext.Default, new DefaultJsonTypeInfoResolver() },
        MaxDepth = 160,
    };
}
