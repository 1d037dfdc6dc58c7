using System.Text.RegularExpressions;

namespace DerSim.Harness.Reporting.Evidence;

/// <summary>Hides passwords in URLs and in values named like secrets before they reach a report.</summary>
public static partial class SecretMasking
{
    /// <summary>The text shown instead of a secret.</summary>
    public const string Mask = "****";

    /// <summary>
    /// <paramref name="value"/> with a URL's password (<c>ws://user:secret@host</c>) and secret query values
    /// (<c>?password=…</c>, <c>token</c>, <c>key</c>) masked; the whole value when <paramref name="name"/> names a secret.
    /// </summary>
    public static string MaskValue(string name, string value)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(value);
        if (SecretName().IsMatch(name))
        {
            return Mask;
        }

        var masked = UserInfo().Replace(value, m => $"{m.Groups["scheme"].Value}{m.Groups["user"].Value}:{Mask}@");
        return SecretQuery().Replace(masked, m => $"{m.Groups["key"].Value}={Mask}");
    }

    /// <summary>A URL with its password masked.</summary>
    public static string MaskUrl(string url) => MaskValue("url", url);

    [GeneratedRegex("(password|secret|token|apikey|api-key)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SecretName();

    [GeneratedRegex(@"(?<scheme>[a-z][a-z0-9+.-]*://)(?<user>[^:/@\s]*):[^@/\s]*@", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex UserInfo();

    [GeneratedRegex(@"(?<key>[?&](password|pass|pwd|secret|token|key|apikey))=[^&#\s]*", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SecretQuery();
}
