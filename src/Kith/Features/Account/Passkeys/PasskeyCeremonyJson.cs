using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc;

namespace Kith.Features.Account.Passkeys;

public static class PasskeyCeremonyJson
{
    /// <summary>The answer to an options request, read by wwwroot/js/passkeys.js.</summary>
    public static ContentResult ToResult(this PasskeyCeremony ceremony) => new()
    {
        ContentType = "application/json",
        Content = new JsonObject
        {
            ["handle"] = ceremony.Handle,
            ["options"] = JsonNode.Parse(ceremony.Options),
        }.ToJsonString(),
    };
}
