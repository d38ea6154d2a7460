namespace Switchboard.Sessions;

/// <summary>How the agent classified the session when wrapping it up.</summary>
public sealed record SessionDisposition
{
    /// <summary>The disposition code (uContact <c>value1</c>, CCAI <c>disposition_code</c>).</summary>
    public string? Code { get; init; }

    /// <summary>Every level of the disposition, in order (uContact <c>value1</c>–<c>value3</c>), blanks left out.</summary>
    public IReadOnlyList<string> Values { get; init; } = [];

    /// <summary>The agent's notes, when sent.</summary>
    public string? Notes { get; init; }
}
