namespace Switchboard.Api;

/// <summary>A fresh signing secret, for the client to put in a trigger's <c>action.secret</c>.</summary>
/// <param name="Secret"><c>whsec_</c> and base64 of 32 random bytes.</param>
public sealed record GeneratedSecret(string Secret);
