using DerSim.Sim.Profiles;
using DerSim.Sim.StationModel;

namespace DerSim.Sim.Tests.Evse;

public class ProfilesDirectoryTests
{
    [Test]
    public void Walking_up_from_the_test_binaries_finds_the_repo_profiles() =>
        File.Exists(Path.Combine(ProfilesDirectory.Locate(AppContext.BaseDirectory, null), "EVSE-AC-22kW-1port.json")).ShouldBeTrue();

    [Test]
    public void Override_wins_over_the_walk()
    {
        var dir = Directory.CreateTempSubdirectory("dersim-override-");
        try
        {
            ProfilesDirectory.Locate(AppContext.BaseDirectory, dir.FullName).ShouldBe(dir.FullName);
        }
        finally
        {
            dir.Delete();
        }
    }

    [Test]
    public void Override_to_a_missing_folder_says_so() =>
        Should.Throw<DirectoryNotFoundException>(() => ProfilesDirectory.Locate(AppContext.BaseDirectory, "/nonexistent/dersim"))
            .Message.ShouldContain(ProfilesDirectory.EnvironmentVariable);

    [Test]
    public void No_profiles_above_the_start_says_how_to_fix_it()
    {
        var dir = Directory.CreateTempSubdirectory("dersim-empty-");
        try
        {
            Should.Throw<DirectoryNotFoundException>(() => ProfilesDirectory.Locate(dir.FullName, null))
                .Message.ShouldContain(ProfilesDirectory.EnvironmentVariable);
        }
        finally
        {
            dir.Delete();
        }
    }
}
