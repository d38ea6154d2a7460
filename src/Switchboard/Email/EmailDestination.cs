namespace Switchboard.Email;

/// <summary>Where a session's outcome email goes, as <see cref="EmailInheritance.Resolve"/> decided it.</summary>
/// <param name="Address">The recipient; null when nothing is sent (both switches off, or the chosen address is empty).</param>
/// <param name="Case">The row of the inheritance table that decided.</param>
public sealed record EmailDestination(string? Address, EmailInheritanceCase Case)
{
    /// <summary>True when an email is sent.</summary>
    public bool Sends => Address is not null;
}
