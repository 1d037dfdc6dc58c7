
namespace DerSim.Harness.Target;

/// <summary>Checks a declared security profile against the CSMS URL and the passwords, before a run connects anything.</summary>
public static class TargetSecurity
{
    /// <summary>
    /// Throws when <paramref name="target"/>'s security profile cannot work with <paramref name="csms"/> (null: the
    /// embedded CSMS, which needs nothing): profiles 2 and 3 need wss:// (OCPP 2.0.1 A00.FR.3xx/4xx: TLS), profiles 1
    /// and 2 a Basic-auth password (declared, or <c>DERSIM_CSMS_PASSWORD</c>), and profile 3 a client certificate per
    /// declared station id.
    /// </summary>
    /// <exception cref="DerSimConfigException">The profile does not fit.</exception>
    public static void Check(TargetDeclaration target, Uri? csms, Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(environment);
        if (csms is null)
        {
            return;
        }

        var profile = target.SecurityProfile;
        if (profile >= 2 && csms.Scheme != "wss")
        {
            throw new DerSimConfigException($"target securityProfile {profile} needs a wss:// CSMS URL; got {csms.GetLeftPart(UriPartial.Path)}");
        }

        // A prefix derives ids no per-station list can cover, so profile 3 needs the ids listed.
        if (profile == 3)
        {
            var which = target.StationIds is null
                ? "list stationIds and"
                : target.StationIds.FirstOrDefault(id => !target.ClientCertificates.ContainsKey(id)) is { } without ? $"station '{without}' has none;" : null;
            if (which is not null)
            {
                throw new DerSimConfigException($"target securityProfile 3 needs a client certificate per station: {which} set clientCertificates {{\"<station id>\": {{\"cert\": \"PEM\", \"key\": \"PEM\"}}}} (./dersim certs DIR makes test ones)");
            }
        }

        // A prefix derives ids no per-station list can cover, so it needs the shared password.
        var missing = profile is 1 or 2
            && environment("DERSIM_CSMS_PASSWORD") is not { Length: > 0 }
            && target.Password is null
            && (target.StationIds is null || target.StationIds.Any(id => !target.Passwords.ContainsKey(id)));
        if (missing)
        {
            throw new DerSimConfigException($"target securityProfile {profile} needs Basic-auth passwords: set target password (or passwords per station id) or DERSIM_CSMS_PASSWORD");
        }
    }
}
