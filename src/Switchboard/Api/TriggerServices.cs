using Microsoft.AspNetCore.Http;
using Switchboard.Triggers;

namespace Switchboard.Api;

/// <summary>What the trigger handlers need, bound with [AsParameters].</summary>
/// <param name="Store">The trigger table.</param>
/// <param name="Catalog">This instance's cache, invalidated on every write.</param>
/// <param name="Validator">Validation as this deployment allows it (http and private targets only where permitted).</param>
/// <param name="HttpContext">The current request, for its body and headers.</param>
public sealed record TriggerServices(TriggerStore Store, TriggerCatalog Catalog, TriggerValidator Validator, HttpContext HttpContext);
