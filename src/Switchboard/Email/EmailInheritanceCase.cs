using System.Text.Json.Serialization;

namespace Switchboard.Email;

/// <summary>The row of the inheritance table of "CRM personalizzato" ("Ereditarietà e override delle impostazioni") a session falls in.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<EmailInheritanceCase>))]
public enum EmailInheritanceCase
{
    /// <summary>Global off, queue off: nothing is sent, for any queue.</summary>
    [JsonStringEnumMemberName("disabled")]
    Disabled,

    /// <summary>Global off, queue on: the queue's switch overrides the global one; sent to the queue's address.</summary>
    [JsonStringEnumMemberName("queueOverridesGlobal")]
    QueueOverridesGlobal,

    /// <summary>Global on, queue off: the queue inherits the global setting; sent to the global address.</summary>
    [JsonStringEnumMemberName("queueInheritsGlobal")]
    QueueInheritsGlobal,

    /// <summary>Global on, queue on: the queue's address replaces the global one; sent to the queue's address.</summary>
    [JsonStringEnumMemberName("queueAddressReplacesGlobal")]
    QueueAddressReplacesGlobal,
}
