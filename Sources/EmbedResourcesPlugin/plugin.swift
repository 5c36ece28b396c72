import Foundation
import PackagePlugin

/// Embeds every file under the package's top-level `Resources/` folder into the target as Swift
/// string literals, so the binary carries its defaults wherever it is copied.
@main
struct EmbedResourcesPlugin: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let resources = context.package.directoryURL.appending(path: "Resources")
        let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedResources.swift")
        var inputs: [URL] = []
        if let walker = FileManager.default.enumerator(at: resources, includingPropertiesForKeys: [.isRegularFileKey]) {
            for case let url as URL in walker where (try? url.resourceValues(forKeys: [.isRegularFileKey]))?.isRegularFile == true {
                inputs.append(url)
            }
        }
        return [.buildCommand(
            displayName: "Embedding \(inputs.count) files from Resources/",
            executable: try context.tool(named: "EmbedResourcesTool").url,
            arguments: [resources.path, output.path],
            inputFiles: inputs,
            outputFiles: [output])]
    }
}
