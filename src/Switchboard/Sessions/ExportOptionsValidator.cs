using Microsoft.Extensions.Options;

namespace Switchboard.Sessions;

/// <summary>Refuses <see cref="ExportOptions"/> with problems (<see cref="ExportOptions.Problems"/>), naming each setting, at start-up.</summary>
public sealed class ExportOptionsValidator : IValidateOptions<ExportOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, ExportOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = options.Problems();
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
