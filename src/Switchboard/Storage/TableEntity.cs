using System.Collections;
using Azure;

namespace Switchboard.Storage;

/// <summary>
/// A table entity: its keys, ETag, timestamp and typed properties. Property values are
/// <see cref="string"/>, <see cref="bool"/>, <see cref="int"/>, <see cref="long"/>, <see cref="double"/>,
/// <see cref="DateTimeOffset"/>, <see cref="Guid"/> or <see cref="byte"/>[]; a null value is not stored.
/// </summary>
public sealed class TableEntity : IEnumerable<KeyValuePair<string, object>>
{
    private readonly Dictionary<string, object> properties = new(StringComparer.Ordinal);

    /// <summary>Creates an entity with the given keys.</summary>
    public TableEntity(string partitionKey, string rowKey)
    {
        ArgumentNullException.ThrowIfNull(partitionKey);
        ArgumentNullException.ThrowIfNull(rowKey);
        PartitionKey = partitionKey;
        RowKey = rowKey;
    }

    /// <summary>The partition key.</summary>
    public string PartitionKey { get; }

    /// <summary>The row key.</summary>
    public string RowKey { get; }

    /// <summary>The entity's ETag as last read or written; default when never stored.</summary>
    public ETag ETag { get; set; }

    /// <summary>When the service last changed the entity.</summary>
    public DateTimeOffset? Timestamp { get; set; }

    /// <summary>How many properties the entity has besides its keys and timestamp.</summary>
    public int Count => properties.Count;

    /// <summary>Gets or sets a property; setting null removes it. Throws for unsupported value types.</summary>
    public object? this[string name]
    {
        get => properties.GetValueOrDefault(name);
        set
        {
            ArgumentException.ThrowIfNullOrEmpty(name);
            if (value is null)
            {
                properties.Remove(name);
                return;
            }

            properties[name] = value switch
            {
                string or bool or int or long or double or DateTimeOffset or Guid or byte[] => value,
                DateTime dateTime => new DateTimeOffset(dateTime.Kind == DateTimeKind.Unspecified ? DateTime.SpecifyKind(dateTime, DateTimeKind.Utc) : dateTime),
                _ => throw new ArgumentOutOfRangeException(nameof(value), value.GetType(), $"Table property '{name}' cannot hold a {value.GetType().Name}."),
            };
        }
    }

    /// <summary>True when the entity has the property.</summary>
    public bool ContainsKey(string name) => properties.ContainsKey(name);

    /// <summary>The property as a string, or null.</summary>
    public string? GetString(string name) => this[name] as string;

    /// <summary>The property as a boolean, or null.</summary>
    public bool? GetBoolean(string name) => this[name] as bool?;

    /// <summary>The property as a 32-bit integer, or null.</summary>
    public int? GetInt32(string name) => this[name] as int?;

    /// <summary>The property as a 64-bit integer (an Int32 value widens), or null.</summary>
    public long? GetInt64(string name) => this[name] switch
    {
        long l => l,
        int i => i,
        _ => null,
    };

    /// <summary>The property as a double (integers widen), or null.</summary>
    public double? GetDouble(string name) => this[name] switch
    {
        double d => d,
        int i => i,
        long l => l,
        _ => null,
    };

    /// <summary>The property as a date and time, or null.</summary>
    public DateTimeOffset? GetDateTimeOffset(string name) => this[name] as DateTimeOffset?;

    /// <summary>The property as a GUID, or null.</summary>
    public Guid? GetGuid(string name) => this[name] as Guid?;

    /// <summary>The property as bytes, or null.</summary>
    public byte[]? GetBinary(string name) => this[name] as byte[];

    /// <inheritdoc />
    public IEnumerator<KeyValuePair<string, object>> GetEnumerator() => properties.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
