namespace Switchboard.Crm.Calls;

/// <summary>
/// One request parameter: a name and a value that is plain text or a number, may hold variables
/// (<c>{PHONE_NUMBER}</c>), or is one function (<c>=DEFAULT_VALUE({AGENT_EMAIL}, support@example.com)</c>).
/// </summary>
public sealed record CrmParameter
{
    /// <summary>The parameter's name: the JSON property, query or form field.</summary>
    public string Name { get; init; } = string.Empty;

    /// <summary>The parameter's value template.</summary>
    public string Value { get; init; } = string.Empty;
}
