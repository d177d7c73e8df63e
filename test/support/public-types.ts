// Walks the public surface of the package as the TypeScript compiler sees it, and lists the named
// types a user meets there (in a parameter, a return type, a property, a base class) that the
// package does not export under any name: types a user cannot write down.
import ts from "typescript";

export interface PublicSurface {
  /** Every exported name, `haproxy.Section` style for the members of exported namespaces. */
  readonly exported: string[];
  /** `Type (seen in export.member)` for each named type that cannot be named from the entry point. */
  readonly unnamed: string[];
  /** Exported names whose declaration has no doc comment. */
  readonly undocumented: string[];
}

export function publicSurface(entry: string): PublicSurface {
  const program = ts.createProgram([entry], { strict: true, module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext, target: ts.ScriptTarget.ES2022, noEmit: true });
  const checker = program.getTypeChecker();
  const moduleSymbol = checker.getSymbolAtLocation(program.getSourceFile(entry)!)!;
  const nameable = new Set<ts.Symbol>();
  const exported: string[] = [];
  const undocumented: string[] = [];
  const resolve = (symbol: ts.Symbol) => (symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol);
  const roots: { name: string; symbol: ts.Symbol }[] = [];
  for (const symbol of checker.getExportsOfModule(moduleSymbol)) {
    const target = resolve(symbol);
    nameable.add(target);
    exported.push(symbol.name);
    roots.push({ name: symbol.name, symbol: target });
    if (target.flags & ts.SymbolFlags.Module) {
      for (const member of checker.getExportsOfModule(target)) {
        nameable.add(resolve(member));
        exported.push(`${symbol.name}.${member.name}`);
        if (ts.displayPartsToString(resolve(member).getDocumentationComment(checker)).trim() === "") undocumented.push(`${symbol.name}.${member.name}`);
        roots.push({ name: `${symbol.name}.${member.name}`, symbol: resolve(member) });
      }
    } else if (ts.displayPartsToString(target.getDocumentationComment(checker)).trim() === "") undocumented.push(symbol.name);
  }

  const fromPackage = (symbol: ts.Symbol) =>
    (symbol.declarations ?? []).some((declaration) => {
      const file = declaration.getSourceFile().fileName;
      return !file.includes("/node_modules/") && !program.isSourceFileDefaultLibrary(declaration.getSourceFile());
    });
  const unnamed = new Set<string>();
  const seen = new Set<ts.Type>();
  const visitType = (type: ts.Type, where: string, depth: number): void => {
    if (seen.has(type) || depth > 6 || type.flags & ts.TypeFlags.TypeParameter) return;
    seen.add(type);
    const symbol = type.aliasSymbol ?? type.getSymbol();
    if (symbol && fromPackage(symbol) && !(symbol.flags & (ts.SymbolFlags.TypeLiteral | ts.SymbolFlags.ObjectLiteral | ts.SymbolFlags.Method | ts.SymbolFlags.Function))) {
      if (!nameable.has(symbol) && symbol.name !== "__type") unnamed.add(`${symbol.name} (seen in ${where})`);
    }
    if (type.aliasTypeArguments) for (const argument of type.aliasTypeArguments) visitType(argument, where, depth + 1);
    if (type.isUnionOrIntersection()) for (const part of type.types) visitType(part, where, depth + 1);
    if (type.flags & ts.TypeFlags.Object) {
      for (const argument of checker.getTypeArguments(type as ts.TypeReference) ?? []) visitType(argument, where, depth + 1);
      for (const base of type.isClassOrInterface() ? checker.getBaseTypes(type) : []) visitType(base, `${where} (base)`, depth + 1);
      for (const signature of [...type.getCallSignatures(), ...type.getConstructSignatures()]) visitSignature(signature, where, depth + 1);
      for (const property of type.getProperties()) {
        const declaration = property.valueDeclaration ?? property.declarations?.[0];
        if (!declaration || !fromPackage(property)) continue;
        const modifiers = ts.getCombinedModifierFlags(declaration);
        if (modifiers & (ts.ModifierFlags.Private | ts.ModifierFlags.Protected) || property.name.startsWith("#")) continue;
        visitType(checker.getTypeOfSymbolAtLocation(property, declaration), `${where}.${property.name}`, depth + 1);
      }
    }
  };
  const visitSignature = (signature: ts.Signature, where: string, depth: number): void => {
    for (const parameter of signature.getParameters()) {
      const declaration = parameter.valueDeclaration!;
      visitType(checker.getTypeOfSymbolAtLocation(parameter, declaration), `${where}(${parameter.name})`, depth);
    }
    visitType(signature.getReturnType(), `${where}()`, depth);
  };
  for (const { name, symbol } of roots) {
    if (symbol.flags & ts.SymbolFlags.Module) continue;
    const declaration = symbol.valueDeclaration ?? symbol.declarations?.[0];
    if (!declaration) continue;
    if (symbol.flags & (ts.SymbolFlags.Value)) visitType(checker.getTypeOfSymbolAtLocation(symbol, declaration), name, 0);
    if (symbol.flags & (ts.SymbolFlags.Type)) visitType(checker.getDeclaredTypeOfSymbol(symbol), name, 0);
  }
  return { exported, unnamed: [...unnamed].sort(), undocumented: undocumented.sort() };
}
