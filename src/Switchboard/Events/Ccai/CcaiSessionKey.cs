namespace Switchboard.Events.Ccai;

/// <summary>Which of <c>call_id</c> and <c>chat_id</c> names an event's session.</summary>
internal enum CcaiSessionKey
{
    /// <summary>Agent events: no session even if an id is present.</summary>
    None,

    /// <summary><c>call_id</c>; channel call.</summary>
    Call,

    /// <summary><c>chat_id</c>; channel chat.</summary>
    Chat,

    /// <summary><c>call_id</c> when present, else <c>chat_id</c>.</summary>
    CallOrChat,
}
