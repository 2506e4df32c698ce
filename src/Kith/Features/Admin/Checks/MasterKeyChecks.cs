namespace Kith.Features.Admin.Checks;

/// <summary>A copy of the data directory (the natural backup) must not hold both the encrypted keys and the key that opens them.</summary>
public sealed class MasterKeyLocationCheck() : SecurityCheck("master-key-location", "Master key kept apart from the data")
{
    public override CheckResult Evaluate(InstanceSnapshot snapshot)
    {
        var key = snapshot.MasterKey;
        var move = $"Move it out of the data directory: `install -m 600 {key.Path} /etc/kith/master.key`, set Kith__MasterKeyFile=/etc/kith/master.key and restart Kith.";
        if (!key.Configured)
            return Fail($"Kith__MasterKeyFile is not set, so Kith generated the key at {key.Path}, inside the data directory.", move);
        if (!key.Exists)
            return Fail($"Kith__MasterKeyFile names {key.Path}, which no longer exists: Kith cannot restart without it.",
                "Restore the key file from your backup before Kith restarts.");
        return key.InsideDataDirectory
            ? Fail($"Kith__MasterKeyFile {key.Path} is inside the data directory {snapshot.Options.DataPath()}.", move)
            : Pass($"{key.Path}, outside the data directory.");
    }
}

public sealed class MasterKeyPermissionsCheck() : SecurityCheck("master-key-permissions", "Master key readable by its owner only")
{
    private const UnixFileMode OthersAndGroup = UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute
        | UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute;

    public override CheckResult Evaluate(InstanceSnapshot snapshot)
    {
        var key = snapshot.MasterKey;
        if (!key.Exists)
            return Fail($"The master key file {key.Path} does not exist.", "Restore the key file from your backup before Kith restarts.");
        if (key.Mode is not { } mode)
            return Fail($"The permissions of {key.Path} cannot be read on this system.", "Make sure only the account Kith runs as can read the key file.");
        return (mode & OthersAndGroup) == 0
            ? Pass($"{key.Path} has mode {Describe.FileMode(mode)}.")
            : Fail($"{key.Path} has mode {Describe.FileMode(mode)}: other accounts on this machine can read or change it.", $"Run `chmod 600 {key.Path}`.");
    }
}
