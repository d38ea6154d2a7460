namespace Switchboard.Api;

/// <summary>
/// Marks a handler that reads a request body of <see cref="Type"/> itself (through <see cref="JsonRequestBody"/> or a
/// source adapter) rather than through binding, which would answer a bare 400. The attribute becomes endpoint
/// metadata, so whatever enumerates the routes knows which ones take a body, and the OpenAPI document describes it.
/// </summary>
/// <remarks>
/// Not <c>Accepts&lt;T&gt;</c>: routing would then turn away other content types with a bare 415 before the handler
/// could answer the problem that names the field.
/// </remarks>
/// <param name="type">What the body is read as.</param>
/// <param name="contentTypes">The media types the handler reads; <c>application/json</c> when none are given.</param>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class RequestBodyAttribute(Type type, params string[] contentTypes) : Attribute
{
    /// <summary>What the body is read as.</summary>
    public Type Type { get; } = type;

    /// <summary>The media types the handler reads, <c>application/json</c> first unless the handler says otherwise.</summary>
    public IReadOnlyList<string> ContentTypes { get; } = contentTypes is { Length: > 0 } ? contentTypes : ["application/json"];
}
