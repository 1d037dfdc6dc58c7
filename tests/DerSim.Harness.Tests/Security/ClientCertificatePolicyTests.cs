using DerSim.Harness.Security;

namespace DerSim.Harness.Tests.Security;

/// <summary>Which client certificates the reference CSMS trusts (security profile 3, OCPP 2.0.1 A00.FR.407).</summary>
[Parallelizable(ParallelScope.All)]
public sealed class ClientCertificatePolicyTests
{
    [Test]
    public void An_expired_certificate_from_the_trusted_ca_is_refused_with_a_log_line()
    {
        var now = TimeProvider.System.GetUtcNow();
        using var ca = TestCertificates.CreateCa("test CA", now.AddDays(-10), now.AddDays(10));
        using var expired = TestCertificates.IssueClient(ca, "CS-1", now.AddDays(-3), now.AddDays(-1));
        var policy = new ClientCertificatePolicy(ca, TimeProvider.System);
        var log = new List<string>();
        policy.Refused += log.Add;

        policy.Validate(expired, null, System.Net.Security.SslPolicyErrors.None).ShouldBeFalse();

        log.ShouldHaveSingleItem().ShouldContain("client certificate 'CS-1' refused: not valid now");
    }

    [Test]
    public void A_certificate_from_another_ca_is_refused_and_one_from_the_ca_accepted()
    {
        var now = TimeProvider.System.GetUtcNow();
        using var ca = TestCertificates.CreateCa("test CA", now.AddDays(-1), now.AddDays(1));
        using var other = TestCertificates.CreateCa("other CA", now.AddDays(-1), now.AddDays(1));
        using var good = TestCertificates.IssueClient(ca, "CS-1", now.AddDays(-1), now.AddDays(1));
        using var foreign = TestCertificates.IssueClient(other, "CS-1", now.AddDays(-1), now.AddDays(1));
        var policy = new ClientCertificatePolicy(ca, TimeProvider.System);

        policy.Problem(good).ShouldBeNull();
        policy.Problem(foreign).ShouldNotBeNull().ShouldContain("not signed by the client CA 'test CA'");
    }
}
