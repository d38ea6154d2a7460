using Microsoft.Extensions.Options;

namespace Switchboard.Crm.Settings;

/// <summary>Refuses <see cref="CrmOptions"/> with problems (<see cref="CrmOptions.Problems"/>), naming each setting, at start-up.</summary>
public sealed class CrmOptionsValidator : IValidateOptions<CrmOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, CrmOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = options.Problems();
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
