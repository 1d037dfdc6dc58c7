using System.CommandLine;
using DerSim.Csms;
using DerSim.Harness.Security;
using DerSim.Harness.Target;
using DerSim.Ocpp;
using DerSim.Ocpp.Transport;

namespace DerSim.Harness.Cli;

/// <summary>
/// The security-profile flags of <c>dersim csms</c>: <c>--tls-cert/--tls-key</c> serve wss:// (profile 2),
/// <c>--client-ca</c> also requires client certificates that CA signed, whose CN is the station id (profile 3); Basic-auth
/// passwords come from <c>--password</c> and the target declaration's <c>password</c>/<c>passwords</c>.
/// </summary>
internal sealed class CsmsSecurity
{
    public Option<string?> TlsCert { get; } = new("--tls-cert") { Description = "PEM server certificate: serve wss:// (security profiles 2 and 3; needs --tls-key)" };

    public Option<string?> TlsKey { get; } = new("--tls-key") { Description = "PEM private key of --tls-cert" };

    public Option<string?> ClientCa { get; } = new("--client-ca") { Description = "PEM CA: require client certificates it signed, CN = station id (security profile 3; needs --tls-cert)" };

    public IEnumerable<Option> All => [TlsCert, TlsKey, ClientCa];

    /// <summary>
    /// <paramref name="options"/> with the TLS settings of <paramref name="result"/> and the declared passwords; refusals
    /// during the TLS handshake are written to <paramref name="log"/>.
    /// </summary>
    /// <exception cref="InvalidDataException">A flag is missing its partner, or a file cannot be read; the message is one line.</exception>
    public ReferenceCsmsOptions Apply(ParseResult result, ReferenceCsmsOptions options, TargetDeclaration declaration, TextWriter log)
    {
        var cert = result.GetValue(TlsCert);
        var key = result.GetValue(TlsKey);
        var ca = result.GetValue(ClientCa);
        if ((cert is null) != (key is null))
        {
            throw new InvalidDataException("--tls-cert and --tls-key go together");
        }

        if (ca is not null && cert is null)
        {
            throw new InvalidDataException("--client-ca needs --tls-cert and --tls-key (client certificates travel over TLS)");
        }

        options = options with
        {
            // --password overrides the declared shared password; per-station ones stay (OCPP 2.0.1 A00.FR.202: a password per station).
            Password = options.Password ?? declaration.Password,
            Passwords = declaration.Passwords,
        };
        if (cert is null)
        {
            return options;
        }

        options = options with { ServerCertificate = PemCertificates.LoadWithKey(cert, key!, "--tls-cert/--tls-key") };
        if (ca is null)
        {
            return options;
        }

        var policy = new ClientCertificatePolicy(PemCertificates.Load(ca, "--client-ca"), options.TimeProvider);
        // The subject names come from the client: escaped like every other value from outside (LogText).
        policy.Refused += line => log.WriteLine($"rejected connection: {LogText.Escape(line)}");
        return options with { RequireClientCertificate = true, ClientCertificateValidation = policy.Validate };
    }

    /// <summary>The security of <paramref name="options"/> in words, without any secret, for the start-up line.</summary>
    public static string Describe(ReferenceCsmsOptions options) =>
        (options.ServerCertificate, options.RequireClientCertificate, options.RequiresPassword) switch
        {
            (not null, true, _) => "; TLS with client certificates (security profile 3)" + (options.RequiresPassword ? " and Basic auth" : ""),
            (not null, false, true) => "; TLS with Basic auth (security profile 2)",
            (not null, false, false) => "; TLS, no authentication",
            (null, _, true) => "; Basic auth (security profile 1)",
            _ => "",
        };
}
