using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace DerSim.Ocpp.Transport;

/// <summary>Reads PEM certificates and keys for TLS (security profiles 2 and 3), failing with one line that names the file.</summary>
public static class PemCertificates
{
    /// <summary>The first certificate in the PEM file <paramref name="path"/> (a CA to trust, say).</summary>
    /// <param name="path">The file.</param>
    /// <param name="what">What the file is for, e.g. "--client-ca"; named in the error.</param>
    /// <exception cref="InvalidDataException">The file is missing, unreadable or holds no PEM certificate.</exception>
    public static X509Certificate2 Load(string path, string what)
    {
        ArgumentNullException.ThrowIfNull(path);
        return Read(path, what, () => X509Certificate2.CreateFromPem(File.ReadAllText(path)), "a PEM certificate (-----BEGIN CERTIFICATE-----)");
    }

    /// <summary>The certificate in <paramref name="certificatePath"/> with the private key in <paramref name="keyPath"/>.</summary>
    /// <exception cref="InvalidDataException">A file is missing or unreadable, or the key does not fit the certificate.</exception>
    public static X509Certificate2 LoadWithKey(string certificatePath, string keyPath, string what)
    {
        ArgumentNullException.ThrowIfNull(certificatePath);
        ArgumentNullException.ThrowIfNull(keyPath);
        Load(certificatePath, what).Dispose();
        return Read(keyPath, what, () => X509Certificate2.CreateFromPemFile(certificatePath, keyPath), $"the PEM private key (PKCS#8, EC or RSA) of {certificatePath}");
    }

    private static X509Certificate2 Read(string path, string what, Func<X509Certificate2> read, string expected)
    {
        try
        {
            return read();
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new InvalidDataException($"{what}: {path}: no such file");
        }
        catch (Exception ex) when (ex is UnauthorizedAccessException or IOException)
        {
            throw new InvalidDataException($"{what}: {path}: cannot read ({ex.Message})");
        }
        catch (Exception ex) when (ex is CryptographicException or ArgumentException)
        {
            throw new InvalidDataException($"{what}: {path}: expected {expected} ({ex.Message})");
        }
    }
}
