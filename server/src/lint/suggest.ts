// Did-you-mean for the rules: the grammars' own (they suggest section names too), shared.
export { editDistance, suggest } from "../../../grammars/common/suggest.js";
