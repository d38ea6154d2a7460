namespace Switchboard.Sessions;

/// <summary>The customer of a session, as far as the events name them.</summary>
public sealed record SessionEndUser
{
    /// <summary>The platform's id for the customer (CCAI <c>end_user_id</c>, Webitel <c>member_id</c>, uContact <c>clientId</c>).</summary>
    public string? Id { get; init; }

    /// <summary>The customer's name.</summary>
    public string? Name { get; init; }

    /// <summary>The customer's phone number.</summary>
    public string? Phone { get; init; }

    /// <summary>The customer's e-mail address.</summary>
    public string? Email { get; init; }
}
