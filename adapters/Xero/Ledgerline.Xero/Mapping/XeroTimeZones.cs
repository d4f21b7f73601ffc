using System.Collections.Frozen;

namespace Ledgerline.Xero.Mapping;

/// <summary>
/// Xero's organisation <c>Timezone</c> as an IANA zone. Xero sends a Windows zone id upper-cased with its spaces, dots
/// and minus signs left out (<c>NEWZEALANDSTANDARDTIME</c>, <c>CENTRALSTANDARDTIME(MEXICO)</c>, <c>UTC+12</c>,
/// <c>UTC02</c>). Each Windows id the machine knows is compared in that form (letters, digits and parentheses only) and,
/// when exactly one matches, converted by .NET's own Windows→IANA table (CLDR, through ICU), taking the zone CLDR names
/// for the world. A value that matches no Windows id or more than one, or a machine without ICU, gives
/// <see langword="null"/>: the zone is never guessed (the raw value stays in the company's raw representation).
/// </summary>
internal static class XeroTimeZones
{
    private static readonly Lazy<FrozenDictionary<string, string?>> WindowsIds = new(Build);

    /// <summary>The IANA zone for Xero's <paramref name="timezone"/>, or null when it cannot be told exactly.</summary>
    public static string? ToIana(string? timezone)
    {
        if (string.IsNullOrWhiteSpace(timezone) || !WindowsIds.Value.TryGetValue(Key(timezone), out var windows) || windows is null)
        {
            return null;
        }

        return TimeZoneInfo.TryConvertWindowsIdToIanaId(windows, out var iana) && TimeZoneInfo.TryFindSystemTimeZoneById(iana, out _) ? iana : null;
    }

    /// <summary>The comparable form: upper-case letters, digits and parentheses (Xero keeps <c>+</c> and drops <c>-</c>, so neither counts).</summary>
    private static string Key(string id) =>
        string.Concat(id.Where(c => char.IsAsciiLetterOrDigit(c) || c is '(' or ')')).ToUpperInvariant();

    private static FrozenDictionary<string, string?> Build()
    {
        var byKey = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var zone in TimeZoneInfo.GetSystemTimeZones())
        {
            // On Linux and macOS the system ids are IANA; on Windows they are Windows ids already.
            var windows = TimeZoneInfo.TryConvertIanaIdToWindowsId(zone.Id, out var converted) ? converted : zone.HasIanaId ? null : zone.Id;
            if (windows is null)
            {
                continue;
            }

            var key = Key(windows);
            if (byKey.TryGetValue(key, out var known) && known is not null && !string.Equals(known, windows, StringComparison.Ordinal))
            {
                byKey[key] = null; // two Windows ids read the same once squashed: ambiguous, never guessed
            }
            else if (!byKey.ContainsKey(key))
            {
                byKey[key] = windows;
            }
        }

        return byKey.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
