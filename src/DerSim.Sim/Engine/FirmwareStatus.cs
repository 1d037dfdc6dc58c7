namespace DerSim.Sim.Engine;

/// <summary>The states of a firmware update the station reports (2.x FirmwareStatusNotification.status, L01).</summary>
public enum FirmwareStatus
{
    /// <summary>Waiting for retrieveDateTime, or for running transactions to end, before downloading.</summary>
    DownloadScheduled,

    /// <summary>Fetching the image from firmware.location.</summary>
    Downloading,

    /// <summary>The image is here.</summary>
    Downloaded,

    /// <summary>Every attempt to fetch the image failed.</summary>
    DownloadFailed,

    /// <summary>The signature matches the image and the signing certificate.</summary>
    SignatureVerified,

    /// <summary>The signature does not match.</summary>
    InvalidSignature,

    /// <summary>Waiting for installDateTime before installing.</summary>
    InstallScheduled,

    /// <summary>Installing.</summary>
    Installing,

    /// <summary>Rebooting to complete the installation (L01.FR.15: reported before the reboot).</summary>
    InstallRebooting,

    /// <summary>The installed image failed its verification.</summary>
    InstallVerificationFailed,

    /// <summary>The installation failed.</summary>
    InstallationFailed,

    /// <summary>The new firmware runs.</summary>
    Installed,
}
