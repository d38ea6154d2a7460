using System.Text.Json.Serialization;
using Switchboard.Crm.Settings;

namespace Switchboard.Crm.Calls;

/// <summary>
/// The CRM's API endpoints ("CRM personalizzato", "Endpoint API"). Accounts need <see cref="FindAccountByQuery"/> and
/// <see cref="CreateAccount"/>; records need the account endpoints and <see cref="CreateRecord"/>; updating records
/// (<see cref="UpdateRecord"/>, <see cref="UploadFile"/>, <see cref="Comment"/>) needs the record endpoints.
/// </summary>
public sealed record CrmEndpoints
{
    /// <summary>Finds the session's account by phone number, e-mail or CRM id; the default way to find one.</summary>
    public CrmEndpoint? FindAccountByQuery { get; init; }

    /// <summary>
    /// Finds an account by its id, which the URL carries as <c>{ACCOUNT_ID}</c>; used only when an id is known, and
    /// a 404 falls back to <see cref="FindAccountByQuery"/>.
    /// </summary>
    public CrmEndpoint? FindAccountById { get; init; }

    /// <summary>Creates the account when none was found.</summary>
    public CrmEndpoint? CreateAccount { get; init; }

    /// <summary>Finds a record of the account to reuse (when <see cref="CrmSettings.ReuseRecords"/> is on).</summary>
    public CrmEndpoint? FindRecordByQuery { get; init; }

    /// <summary>Creates the session's record when none is reused.</summary>
    public CrmEndpoint? CreateRecord { get; init; }

    /// <summary>Updates the record's title and description once the session is archived.</summary>
    public CrmEndpoint? UpdateRecord { get; init; }

    /// <summary>Uploads the session's archived files to the record.</summary>
    public CrmUploadEndpoint? UploadFile { get; init; }

    /// <summary>Adds comments to the record as the session starts, is transferred, rated, dispositioned and ends.</summary>
    public CrmCommentEndpoint? Comment { get; init; }

    /// <summary>True when at least one endpoint is configured.</summary>
    [JsonIgnore]
    public bool Any => All.Any(e => e.Endpoint is not null);

    /// <summary>Every endpoint by its JSON name, configured or not, in the order above.</summary>
    [JsonIgnore]
    public IEnumerable<(string Name, CrmEndpoint? Endpoint)> All =>
    [
        ("findAccountByQuery", FindAccountByQuery),
        ("findAccountById", FindAccountById),
        ("createAccount", CreateAccount),
        ("findRecordByQuery", FindRecordByQuery),
        ("createRecord", CreateRecord),
        ("updateRecord", UpdateRecord),
        ("uploadFile", UploadFile),
        ("comment", Comment),
    ];
}
