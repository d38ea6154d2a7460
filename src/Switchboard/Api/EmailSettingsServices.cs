using Microsoft.AspNetCore.Http;
using Switchboard.Email;

namespace Switchboard.Api;

/// <summary>What the email settings handlers need, bound with [AsParameters].</summary>
/// <param name="Store">The settings table.</param>
/// <param name="HttpContext">The current request, for its body.</param>
public sealed record EmailSettingsServices(EmailSettingsStore Store, HttpContext HttpContext);
