// natural's package entry imports its storage adapters, which load dotenv and print to stdout;
// report-miner imports only the two modules it uses, declared here.
declare module 'natural/lib/natural/stemmers/porter_stemmer.js' {
  const PorterStemmer: {
    stem(token: string): string;
    /** Lower-cased, stop words removed, stemmed. */
    tokenizeAndStem(text: string, keepStops?: boolean): string[];
  };
  export default PorterStemmer;
}
