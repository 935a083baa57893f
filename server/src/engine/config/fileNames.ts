// The names of the configuration file, apart from its loader (which needs the YAML parser), so the editor's
// start-up probe can look for it without bundling one.
export const CONFIG_FILE_NAMES = ['.isms.yaml', '.isms.yml'];
