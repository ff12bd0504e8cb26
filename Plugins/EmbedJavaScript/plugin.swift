import Foundation
import PackagePlugin

/// Compiles the web platform's JS sources (`Web/JS/*.js` in the target) into the binary, so the host never
/// looks up a file at run time.
@main
struct EmbedJavaScript: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        guard let sourceTarget = target as? SourceModuleTarget else { return [] }
        let jsDirectory = sourceTarget.directoryURL.appending(path: "Web/JS")
        let scripts = try FileManager.default.contentsOfDirectory(at: jsDirectory, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "js" }
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
        let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedJavaScript.swift")
        return [
            .buildCommand(
                displayName: "Embedding \(scripts.count) JavaScript sources into \(target.name)",
                executable: try context.tool(named: "EmbedJavaScriptTool").url,
                arguments: [output.path] + scripts.map(\.path),
                inputFiles: scripts,
                outputFiles: [output]
            )
        ]
    }
}
