namespace Switchboard.Api;

/// <summary>
/// Marks a handler that reads a request body of <see cref="Type"/> itself (through <see cref="JsonRequestBody"/> or a
/// source adapter) rather than through binding, which would answer a bare 400. The attribute becomes endpoint
/// metadata, so whatever enumerates the routes knows which ones take a body.
/// </summary>
/// <param name="type">What the body is read as.</param>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class RequestBodyAttribute(Type type) : Attribute
{
    /// <summary>What the body is read as.</summary>
    public Type Type { get; } = type;
}
