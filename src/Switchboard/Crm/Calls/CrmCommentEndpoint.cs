namespace Switchboard.Crm.Calls;

/// <summary>The comment endpoint ("CRM personalizzato", "Endpoint commento"): <c>{COMMENT_BODY}</c> is the comment's text.</summary>
public sealed record CrmCommentEndpoint : CrmEndpoint
{
    /// <summary>Whether comments are written as HTML rather than plain text (default false).</summary>
    public bool ConvertToHtml { get; init; }
}
