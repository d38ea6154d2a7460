using Microsoft.Extensions.Options;

namespace Switchboard.Email;

/// <summary>Refuses <see cref="EmailOptions"/> with problems (<see cref="EmailOptions.Problems"/>) at start-up; off (no host) is always valid.</summary>
public sealed class EmailOptionsValidator : IValidateOptions<EmailOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, EmailOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = options.Problems();
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
