using System.Security.Cryptography.X509Certificates;

namespace DerSim.Harness.Security;

/// <summary>Writes the throw-away certificates of <c>dersim certs</c>: PEM files, keys readable by the owner only, nothing overwritten.</summary>
public static class CertificateFiles
{
    /// <summary>The CA certificate's file name.</summary>
    public const string Ca = "ca.pem";

    /// <summary>The server certificate's file name (its key: <c>server.key.pem</c>).</summary>
    public const string Server = "server.pem";

    /// <summary>
    /// Makes a CA, a server certificate for <paramref name="hosts"/> and a client certificate per station id in
    /// <paramref name="folder"/>, valid from now for <paramref name="validity"/>; returns one line per file written.
    /// </summary>
    /// <exception cref="InvalidDataException">A file exists already, a station id cannot be a file name, or the folder is not writable.</exception>
    public static IReadOnlyList<string> Write(string folder, IReadOnlyList<string> stationIds, IReadOnlyList<string> hosts, TimeSpan validity, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(folder);
        ArgumentNullException.ThrowIfNull(stationIds);
        ArgumentNullException.ThrowIfNull(time);
        foreach (var id in stationIds)
        {
            if (id.Length == 0 || id.IndexOfAny(Path.GetInvalidFileNameChars()) >= 0 || id is "." or ".." || id.Length > 48)
            {
                throw new InvalidDataException($"--station '{id}': expected a station id of 1 to 48 characters usable as a file name");
            }
        }

        var files = new List<string> { Ca, "ca.key.pem", Server, "server.key.pem" };
        files.AddRange(stationIds.SelectMany(id => new[] { $"{id}.pem", $"{id}.key.pem" }));
        if (files.Select(f => Path.Combine(folder, f)).FirstOrDefault(File.Exists) is { } existing)
        {
            throw new InvalidDataException($"{existing} exists already; certs never overwrites a file (choose another folder or remove it)");
        }

        // Backdated a little so a clock slightly behind still accepts them.
        var from = time.GetUtcNow().AddMinutes(-5);
        var to = from + validity;
        var written = new List<string>();
        try
        {
            Directory.CreateDirectory(folder);
            using var ca = TestCertificates.CreateCa("DerSim test CA", from, to);
            Save(folder, Ca, "ca.key.pem", ca, "CA", written);
            using var server = TestCertificates.IssueServer(ca, hosts, from, to);
            Save(folder, Server, "server.key.pem", server, $"server certificate for {string.Join(", ", hosts)}", written);
            foreach (var id in stationIds)
            {
                using var client = TestCertificates.IssueClient(ca, id, from, to);
                Save(folder, $"{id}.pem", $"{id}.key.pem", client, $"client certificate CN={id}", written);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new InvalidDataException($"{folder}: cannot write ({ex.Message})");
        }

        written.Add(FormattableString.Invariant($"valid until {to:yyyy-MM-dd HH:mm} UTC; keys are unencrypted, readable by their owner only; for tests, not production"));
        return written;
    }

    private static void Save(string folder, string certificateFile, string keyFile, X509Certificate2 certificate, string what, List<string> written)
    {
        var certificatePath = Path.Combine(folder, certificateFile);
        var keyPath = Path.Combine(folder, keyFile);
        WriteNew(certificatePath, TestCertificates.CertificatePem(certificate), UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        WriteNew(keyPath, TestCertificates.KeyPem(certificate), UnixFileMode.UserRead | UnixFileMode.UserWrite);
        written.Add($"wrote {certificatePath} ({what}) and its key {keyPath}");
    }

    /// <summary>Creates the file (failing when it exists) with <paramref name="mode"/> from the start, so a key is never briefly readable by others.</summary>
    private static void WriteNew(string path, string text, UnixFileMode mode)
    {
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = mode;
        }

        using var writer = new StreamWriter(path, System.Text.Encoding.ASCII, options);
        writer.Write(text);
    }
}
