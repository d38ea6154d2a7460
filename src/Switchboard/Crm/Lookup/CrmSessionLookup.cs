using Microsoft.Extensions.Options;
using Switchboard.Crm.Settings;
using Switchboard.Crm.Sync;
using Switchboard.Sessions;

namespace Switchboard.Crm.Lookup;

/// <summary>Builds the custom lookup URL of a session from the tenant's settings and the session's journal.</summary>
public sealed class CrmSessionLookup(CrmSettingsStore store, SessionJournal journal, SessionMetadataBuilder builder, IOptions<CrmOptions> options)
{
    /// <summary>
    /// The lookup URL of <paramref name="session"/>, or why there is none: <see cref="CrmLookupProblem.NoSettings"/>,
    /// <see cref="CrmLookupProblem.UnknownSession"/> (nothing journaled) or <see cref="CrmLookupProblem.NoTemplate"/>
    /// (no URL configured for the session's kind). Works whether or not the CRM API is enabled.
    /// </summary>
    public async Task<(CrmLookupUrl? Url, CrmLookupProblem Problem, string? Kind)> GetAsync(SessionKey session, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(session);
        if ((await store.GetAsync(session.Tenant, cancellationToken).ConfigureAwait(false))?.Settings is not { } settings)
        {
            return (null, CrmLookupProblem.NoSettings, null);
        }

        var events = await journal.ReadAsync(session, cancellationToken).ConfigureAwait(false);
        if (events.Count == 0)
        {
            return (null, CrmLookupProblem.UnknownSession, null);
        }

        var facts = CrmSessionFacts.From(session, events, builder.Build(session, events));
        var kind = CrmLookupUrl.KindOf(facts);
        var template = kind == CrmLookupUrl.Sdk ? settings.LookupUrls.Sdk : settings.LookupUrls.Phone;
        if (string.IsNullOrWhiteSpace(template))
        {
            return (null, CrmLookupProblem.NoTemplate, kind);
        }

        var url = CrmLookupUrl.Render(template, facts.ToLookupValues(settings.PhoneFormat, settings.DefaultRegion ?? options.Value.DefaultRegion));
        return (new CrmLookupUrl(url, kind, $"{session.Channel}-{session.SessionId}"), CrmLookupProblem.None, kind);
    }
}
