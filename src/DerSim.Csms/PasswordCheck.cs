using System.Security.Cryptography;
using System.Text;

namespace DerSim.Csms;

/// <summary>Basic-auth passwords compared without leaking, through timing, how much of a guess was right.</summary>
public static class PasswordCheck
{
    /// <summary>
    /// Whether <paramref name="given"/> is <paramref name="expected"/>, in time independent of where they differ and of
    /// the expected length (both are hashed first, then compared in constant time).
    /// </summary>
    public static bool Matches(string? expected, string given)
    {
        ArgumentNullException.ThrowIfNull(given);
        if (expected is null)
        {
            return false;
        }

        Span<byte> left = stackalloc byte[SHA256.HashSizeInBytes];
        Span<byte> right = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes(expected), left);
        SHA256.HashData(Encoding.UTF8.GetBytes(given), right);
        return CryptographicOperations.FixedTimeEquals(left, right);
    }
}
