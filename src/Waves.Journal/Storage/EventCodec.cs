using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Waves.Journal.Events;

namespace Waves.Journal.Storage;

/// <summary>
/// Turns a <see cref="SessionEvent"/> into the payload stored beside its stable type name
/// (<see cref="EventTypes"/>) and back. The payload is a JSON object of the event's own members in
/// camelCase; it never holds a CLR type name, so renaming or moving a record does not break old
/// journals (the type name does that job). Lists are JSON arrays, <c>ulong</c> and <c>long</c> are
/// exact JSON integers, doubles are written in their shortest exact ("R") form (NaN and the
/// infinities as the strings "NaN", "Infinity", "-Infinity"), and a <see cref="DateTimeOffset"/>
/// keeps its ticks and offset. Strings round-trip exactly when they are valid UTF-16 (a lone
/// surrogate cannot be written as UTF-8 and becomes U+FFFD).
/// </summary>
public static class EventCodec
{
    /// <summary>The serializer options of every payload: explicit, so a change of defaults in the
    /// runtime cannot change what is written. A payload that lacks a member, or holds null where the
    /// record does not allow it, is refused rather than read as a default.</summary>
    public static readonly JsonSerializerOptions Options = CreateOptions();

    /// <summary>The payload of <paramref name="e"/> (a JSON object).</summary>
    public static string Encode(SessionEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        var type = e.GetType();
        if (!EventTypes.Names.ContainsKey(type))
            throw new ArgumentException($"event type {type.Name} has no stable type name in EventTypes, so it cannot be journaled", nameof(e));
        return JsonSerializer.Serialize(e, Options.GetTypeInfo(type));
    }

    /// <summary>The event stored under <paramref name="typeName"/> with <paramref name="payload"/>.</summary>
    /// <exception cref="JournalFormatException">The type name is unknown to this build, or the payload does not decode.</exception>
    public static SessionEvent Decode(string typeName, string payload)
    {
        ArgumentNullException.ThrowIfNull(typeName);
        ArgumentNullException.ThrowIfNull(payload);
        if (!EventTypes.Types.TryGetValue(typeName, out var type))
            throw new JournalFormatException(
                $"unknown event type '{typeName}' in the journal; this waves knows: {string.Join(", ", EventTypes.Types.Keys.Order(StringComparer.Ordinal))}");
        try
        {
            return JsonSerializer.Deserialize(payload, Options.GetTypeInfo(type)) as SessionEvent
                ?? throw new JournalFormatException($"the payload of a '{typeName}' event is null");
        }
        catch (JsonException ex)
        {
            throw new JournalFormatException($"the payload of a '{typeName}' event does not decode: {ex.Message}", ex);
        }
    }

    static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions
        {
            TypeInfoResolver = EventJsonContext.Default,
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
            DictionaryKeyPolicy = JsonNamingPolicy.CamelCase,
            PropertyNameCaseInsensitive = false,
            NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
            DefaultIgnoreCondition = JsonIgnoreCondition.Never,
            IncludeFields = false,
            WriteIndented = false,
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            RespectNullableAnnotations = true,
            RespectRequiredConstructorParameters = true,
            UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
            ReadCommentHandling = JsonCommentHandling.Disallow,
            AllowTrailingCommas = false,
        };
        options.MakeReadOnly();
        return options;
    }
}
